package dev.vgharness.report;

/** The page's inline style and its one small script (sorting tables by a click on a header). */
final class HtmlAssets {

    static final String CSS = """
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px;color:#222;max-width:1200px}
            h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 6px}h3{font-size:15px;margin:18px 0 6px}
            .muted{color:#666}code,pre{font:12px/1.4 ui-monospace,Menlo,Consolas,monospace}
            pre{background:#f6f6f6;padding:6px 8px;margin:4px 0;white-space:pre-wrap;overflow-wrap:anywhere}
            .status{font-size:12px;padding:2px 8px;border-radius:10px;color:#fff;vertical-align:middle}
            .status.passed{background:#27ae60}.status.failed{background:#c0392b}.status.error{background:#7f8c8d}
            .problems{border-left:4px solid #c0392b;padding:2px 14px;background:#fdf3f2}
            .problems.none{border-left-color:#27ae60;background:#f2faf4}.problems li{margin:6px 0}.bad{color:#c0392b}
            table{border-collapse:collapse;margin:6px 0 12px;width:100%}
            th,td{border-bottom:1px solid #e3e3e3;padding:4px 8px;text-align:left;vertical-align:top}
            th{background:#fafafa;position:sticky;top:0}table.sortable th{cursor:pointer;user-select:none}
            table.sortable th:after{content:" \\2195";color:#bbb}td.num{white-space:nowrap}
            tr.definitely_lost td:nth-child(2){color:#c0392b;font-weight:600}
            tr.possibly_lost td:nth-child(2){color:#8e44ad}tr.indirectly_lost td:nth-child(2){color:#e67e22}
            tr.baseline{opacity:.55}.delta{color:#888}
            ol.stack{margin:4px 0 4px 18px;padding:0}ol.stack li{margin:2px 0;color:#777}
            ol.stack li.own{color:#111}ol.stack li.own code{font-weight:600}pre.src{margin:2px 0 4px;color:#333}
            .chart{max-width:100%;height:auto;border:1px solid #eee;background:#fff}.tick{font-size:11px;fill:#555}
            .chart .title{font-size:13px;font-weight:600;fill:#333}
            .wide{overflow-x:auto}table.stops td{white-space:nowrap}table.stops .delta{display:block}
            table.stops td:nth-child(-n+2){white-space:normal;overflow-wrap:anywhere;min-width:8em}
            details.stop{margin:4px 0}summary{cursor:pointer}
            table.blocks code.hex{white-space:pre-wrap}table.blocks code.text{white-space:pre-wrap;word-break:break-all}
            """;

    static final String SORT_SCRIPT = """
            document.querySelectorAll('table.sortable').forEach(function (table) {
              table.querySelectorAll('th').forEach(function (th, col) {
                th.addEventListener('click', function () {
                  var numeric = th.dataset.type === 'num';
                  var down = th.dataset.dir !== 'desc';
                  th.dataset.dir = down ? 'desc' : 'asc';
                  var body = table.tBodies[0];
                  var rows = Array.prototype.slice.call(body.rows);
                  rows.sort(function (a, b) {
                    var x = a.cells[col].dataset.v, y = b.cells[col].dataset.v;
                    var c = numeric ? Number(x) - Number(y) : x.localeCompare(y);
                    return down ? -c : c;
                  });
                  rows.forEach(function (r) { body.appendChild(r); });
                });
              });
            });
            """;

    private HtmlAssets() {
    }
}
