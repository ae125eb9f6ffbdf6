 SELECT users.id AS "Id",
    users."Display Name" AS "display name",
    users.email AS "E-Mail"
   FROM users;