 SELECT users.id,
    users.email
   FROM users
  ORDER BY (lower(users.email) COLLATE "C"), users.id DESC;