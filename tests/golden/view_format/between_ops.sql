 SELECT users.id
   FROM users
  WHERE (((users.age >= 18) AND (users.age <= 65)) AND ((users.score < (1)::numeric) OR (users.score > (2)::numeric)) AND (users.id > 0));