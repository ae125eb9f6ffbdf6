 SELECT users.id,
    COALESCE(users."Display Name", users.email, 'anonymous'::text) AS name,
    NULLIF(users.status, ''::text) AS status,
    GREATEST(users.age, 0) AS age,
    LEAST(users.score, (100)::numeric) AS capped
   FROM users;