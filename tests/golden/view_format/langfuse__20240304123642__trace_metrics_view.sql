 SELECT t.id,
    ((EXTRACT(epoch FROM COALESCE(max(o.end_time), max(o.start_time))))::double precision - (EXTRACT(epoch FROM min(o.start_time)))::double precision) AS duration
   FROM (traces t
     LEFT JOIN observations o ON ((t.id = o.trace_id)))
  GROUP BY t.project_id, t.id;