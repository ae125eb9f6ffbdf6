 SELECT users.id,
    users.email
   FROM users
  ORDER BY users.created_at DESC NULLS LAST
 OFFSET 5
 LIMIT 10;