CREATE TABLE ${tbl} (
  id int
);
-- trailing comment
