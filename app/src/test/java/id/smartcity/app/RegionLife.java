package id.smartcity.app;

import static id.smartcity.app.Commands.masterplan;
import static id.smartcity.app.Commands.mentor;
import static id.smartcity.app.Commands.mou;
import static id.smartcity.app.Commands.repeat;
import static id.smartcity.app.Commands.selection;
import static id.smartcity.app.Commands.withdrawal;

import java.util.List;

/**
 * Kota Depok's life as the sources tell it: selected in 2018, withdrawn for non-technical reasons, selected again in
 * 2019, mentored, its masterplan submitted and revised, and mentored once more in 2021.
 */
final class RegionLife {
    static final String DEPOK = "/api/regions/32.76";
    static final List<String> EVENT_TYPES = List.of("RegionSelected", "MoUSigned", "RegionWithdrawn",
            "RegionSelected", "MoUSigned", "MentorAssigned", "MentorAssigned", "MasterplanSubmitted",
            "MasterplanRevised", "MentoringRepeated");

    private RegionLife() {
    }

    static List<LedgerClient.Response> depok(LedgerClient api, String user) {
        return List.of(
                api.post(DEPOK + "/selections", user, selection("Kota Depok", "CITY", 2018, "2018-05-01"),
                        "X-Client-Application", "kominfo-portal", "X-Correlation-Id", "corr-depok-1"),
                api.post(DEPOK + "/engagements/2018/mou", user, mou("2018-05-08")),
                api.post(DEPOK + "/engagements/2018/withdrawal", user,
                        withdrawal("2018-09-01", "cancelled for non-technical reasons")),
                api.post(DEPOK + "/selections", user, selection("Kota Depok", "CITY", 2019, "2019-02-22")),
                api.post(DEPOK + "/engagements/2019/mou", user, mou("2019-05-15")),
                api.post(DEPOK + "/engagements/2019/mentors", user, mentor("Universitas Indonesia", "2019-06-01")),
                api.post(DEPOK + "/engagements/2019/mentors", user, mentor("ITB", "2019-06-02")),
                api.post(DEPOK + "/engagements/2019/masterplan", user, masterplan("2019-11-01")),
                api.post(DEPOK + "/engagements/2019/masterplan/revisions", user, """
                        {"revisedOn": "2020-03-01", "horizonYears": 12, "pillars": ["ECONOMY"],
                         "documentSha256": "%s", "reason": "mid-term review"}""".formatted("ab".repeat(32))),
                api.post(DEPOK + "/repeat-mentoring", user, repeat(2021, "2021-03-01", "national priority")));
    }
}
