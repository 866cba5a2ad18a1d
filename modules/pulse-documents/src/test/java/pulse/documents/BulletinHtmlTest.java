package pulse.documents;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BulletinHtmlTest {

    @Test
    void shouldHoldTheSamePartsAsTheWordDocument() {
        String html = BulletinHtml.write(SampleSnapshot.june());

        assertThat(html).startsWith("<article class=\"bulletin\"><h1>关于2022年1-6月全县重点项目推进情况的通报</h1>");
        assertThat(html).containsSubsequence("一、总体情况", "二、各责任单位推进情况", "三、红黄灯项目", "四、未按时报送单位",
                "五、约谈问责");
        assertThat(html).contains("<tr class=\"grade-failing\"><td>3</td><td>玉泉镇人民政府</td>", "<td>红灯</td>",
                "县水务局：张西河灌区续建配套（TZ-2022-012）（已逾期，应于2022-07-10前报送）");
    }

    @Test
    void shouldEscapeWhatUnitsWrote() {
        assertThat(BulletinHtml.escape("<script>alert('x') & \"y\"</script>"))
                .isEqualTo("&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
    }
}
