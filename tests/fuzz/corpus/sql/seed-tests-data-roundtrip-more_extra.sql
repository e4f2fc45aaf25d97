insert into items (id) values (3);
