-- two rows
INSERT INTO ${tbl} (id, label) VALUES (1, 'one');
INSERT INTO ${tbl} (id, label) VALUES (2, 'two');
