 SELECT users.id,
    true AS t,
    false AS f,
    (NOT (users.age > 3)) AS young,
    ((users.age > 3) = true) AS aged
   FROM users;