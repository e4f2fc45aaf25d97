INSERT INTO ${tbl} (id) VALUES (1);
-- ${not_defined} is kept as written
