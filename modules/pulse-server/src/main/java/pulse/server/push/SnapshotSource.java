package pulse.server.push;

import java.util.List;

/** Everything the screen shows at once, for a screen that connects. */
interface SnapshotSource {

    ScreenMessage snapshot(List<Report> recentReports);
}
