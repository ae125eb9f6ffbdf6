 SELECT users.id
   FROM users
  WHERE ((ROW(users.id, users.age) > ROW(1, 2)) AND (ROW(users.status, users.email) IS NOT NULL));