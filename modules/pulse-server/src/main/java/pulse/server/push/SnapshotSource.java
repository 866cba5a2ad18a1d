package pulse.server.push;

import java.util.List;

/** Everything the screen shows at once, of one plan year, for a screen that connects. */
interface SnapshotSource {

    ScreenMessage snapshot(int year, List<Report> recentReports);
}
