select id,
   name from person
