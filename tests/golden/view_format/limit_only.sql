 SELECT users.id
   FROM users
 LIMIT 5;