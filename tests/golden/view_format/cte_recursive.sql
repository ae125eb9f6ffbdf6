 WITH RECURSIVE chain(id, manager_id, depth) AS (
         SELECT users.id,
            users.manager_id,
            0 AS "?column?"
           FROM users
          WHERE (users.manager_id IS NULL)
        UNION ALL
         SELECT u.id,
            u.manager_id,
            (c.depth + 1)
           FROM (users u
             JOIN chain c ON ((u.manager_id = c.id)))
        )
 SELECT chain.id,
    chain.manager_id,
    chain.depth
   FROM chain;