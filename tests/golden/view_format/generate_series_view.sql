 SELECT g.g AS n,
    (g.g * g.g) AS square
   FROM generate_series(1, 10) g(g);