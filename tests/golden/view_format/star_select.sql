 SELECT users.id,
    users.email,
    users."Display Name",
    users.created_at,
    users.status,
    users.age,
    users.score,
    users.tags,
    users.data,
    users.manager_id
   FROM users;