 SELECT users.id,
        CASE
            WHEN (users.status IS NULL) THEN
            CASE
                WHEN (users.age IS NULL) THEN 'unknown'::text
                ELSE 'aged'::text
            END
            ELSE users.status
        END AS s
   FROM users;