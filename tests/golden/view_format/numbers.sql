 SELECT 1.5 AS "dec",
    '-2'::integer AS neg,
    '10000000000'::numeric AS sci,
    0.000030 AS small,
    0.0 AS zero,
    '100000000000'::bigint AS big,
    (users.id - 1) AS minus_one,
    (users.id % 2) AS parity,
    ((2)::double precision ^ (3)::double precision) AS power,
    (- users.id) AS negated
   FROM users;