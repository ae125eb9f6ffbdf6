 SELECT users.id AS "Nümmer",
    users.email AS "e-mail ✉"
   FROM users;