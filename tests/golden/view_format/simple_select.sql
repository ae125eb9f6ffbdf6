 SELECT users.id,
    users.email
   FROM users;