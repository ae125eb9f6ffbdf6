 SELECT users.id
   FROM users
  ORDER BY users.id
 LIMIT 3;