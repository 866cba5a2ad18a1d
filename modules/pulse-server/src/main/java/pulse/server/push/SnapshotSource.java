package pulse.server.push;

import java.util.List;

/** Everything the screen shows at once, of one plan year, for a screen that connects. */
interface SnapshotSource {

    ScreenMessage snapshot(int year, List<Report> recentReports);

    /**
     * What the warning of a project of {@code year} shows beyond its place, from its view now (on
     * whichever instance holds it); null when it cannot be read. The feed calls it on a thread of its
     * own, never its reader's: on another instance it is an HTTP call.
     */
    CountyWarnings.Shown shown(int year, String projectId);
}
