 SELECT users.id,
    ((users.id * 2) / 3) AS x,
    abs((users.age - 40)) AS d,
    (users.id << 2) AS shl,
    (users.id & 3) AS band,
    (users.id | 4) AS bor,
    (users.id # 5) AS bxor,
    (~ users.id) AS bnot
   FROM users;