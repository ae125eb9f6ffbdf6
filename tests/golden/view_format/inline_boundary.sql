 SELECT users.id,
    COALESCE(users.email, 'abcdefghijklmnopqrstuvwxyz0'::text) AS a,
    COALESCE(users.email, 'abcdefghijklmnopqrstuvwxyz01'::text) AS b,
    COALESCE(users.email, 'abcdefghijklmnopqrstuvwxyz012'::text) AS c,
    COALESCE(users.email, 'abcdefghijklmnopqrstuvwxyz0123'::text) AS d
   FROM users;