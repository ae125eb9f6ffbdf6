 SELECT users.id AS "say ""hi""",
    users.email AS "back\slash"
   FROM users;