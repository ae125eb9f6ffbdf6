 SELECT users.id,
    '-1'::integer AS m,
    (users.id - '-1'::integer) AS mm,
    (+ 5) AS p,
    (users.age * '-2'::integer) AS neg_double,
    (- users.age) AS negp,
    0.0015 AS e
   FROM users;