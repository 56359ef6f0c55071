-- baseline: the data of the benchmark's baseline page (50 rows), not part of the app.
SELECT range AS x, range * range AS y FROM range(50);
