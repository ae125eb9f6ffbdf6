 WITH observations_metrics AS (
         SELECT o_1.trace_id,
            o_1.project_id,
            ((EXTRACT(epoch FROM COALESCE(max(o_1.end_time), max(o_1.start_time))))::double precision - (EXTRACT(epoch FROM min(o_1.start_time)))::double precision) AS duration
           FROM observations o_1
          GROUP BY o_1.project_id, o_1.trace_id
        )
 SELECT t.id,
    t."timestamp",
    t.name,
    t.project_id,
    t.metadata,
    t.external_id,
    t.user_id,
    t.release,
    t.version,
    t.public,
    t.bookmarked,
    t.input,
    t.output,
    t.session_id,
    t.tags,
    t.created_at,
    t.updated_at,
    o.duration
   FROM (traces t
     LEFT JOIN observations_metrics o ON (((t.id = o.trace_id) AND (t.project_id = o.project_id))));