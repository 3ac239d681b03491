"""Counting rows without reading them all.

On PostgreSQL an exact COUNT(*) reads every row (or index entry) of the
table; for an unfiltered list of a big table the planner's estimate from
pg_class is free and close enough to size the pagination. Filtered lists, and
tables below ESTIMATE_ABOVE rows, are counted exactly.
"""

from django.core.paginator import Paginator
from django.db import connections
from django.utils.functional import cached_property

ESTIMATE_ABOVE = 200_000


class EstimatedCountPaginator(Paginator):
    @cached_property
    def count(self):
        estimate = self.estimated_total()
        if estimate is not None and estimate > ESTIMATE_ABOVE:
            return estimate
        return super().count

    def estimated_total(self):
        queryset = self.object_list
        query = getattr(queryset, "query", None)
        if query is None or query.where or query.distinct or query.is_sliced:
            return None
        connection = connections[queryset.db]
        if connection.vendor != "postgresql":
            return None
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                [query.model._meta.db_table],
            )
            row = cursor.fetchone()
        return row[0] if row and row[0] > 0 else None
