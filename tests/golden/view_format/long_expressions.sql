 SELECT users.id,
    ((((COALESCE(users.score, (0)::numeric) * (100)::numeric) + ((COALESCE(users.age, 0) * 3))::numeric) - (length(users.email))::numeric) + (length(users.status))::numeric) AS long_math,
    round((COALESCE(users.score, (0)::numeric) / (NULLIF(users.age, 0))::numeric), 2) AS ratio,
    upper(lower(TRIM(BOTH ' '::text FROM users.email))) AS e
   FROM users;