 SELECT users.id,
    concat_ws(' - '::text, users.email, users."Display Name", users.status, (users.age)::text, (users.score)::text, (users.created_at)::text) AS summary
   FROM users;