export const INSERT_AREA = `INSERT INTO areas (name, kind, population, geometry, min_lon, min_lat, max_lon, max_lat, source, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
export const DELETE_ALL_AREAS = `DELETE FROM areas`;
// Name and kind together identify an area: Gotland the kommun is not Gotland the län.
export const DELETE_SAME_AREA = `DELETE FROM areas WHERE name = ? AND kind IS NOT DISTINCT FROM ?`;
