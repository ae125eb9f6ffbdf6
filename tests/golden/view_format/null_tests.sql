 SELECT users.id,
    (users.status IS NULL) AS no_status,
    (users.age IS NOT NULL) AS has_age,
    (users.status IS DISTINCT FROM 'x'::text) AS differs,
    ((users.data IS NULL) AND (users.tags IS NULL)) AS empty
   FROM users;