 SELECT date_trunc('day'::text, users.created_at) AS day,
    (users.created_at + '1 day'::interval) AS tomorrow,
    (now() - users.created_at) AS age,
    EXTRACT(year FROM users.created_at) AS y,
    (users.created_at > (now() - '7 days'::interval)) AS recent,
    CURRENT_DATE AS today,
    CURRENT_TIMESTAMP AS ts
   FROM users;