package pulse.documents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import pulse.model.PeriodSnapshot;

class BulletinDocxTest {

    @Test
    void shouldWriteTheBulletinWithTitleFiguresRankingRedProjectsLateUnitsAndInterviews() throws Exception {
        PeriodSnapshot june = SampleSnapshot.june();

        byte[] docx = BulletinDocx.write(june);

        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx));
                XWPFWordExtractor extractor = new XWPFWordExtractor(document)) {
            String text = extractor.getText();
            assertThat(text).startsWith("关于2022年1-6月全县重点项目推进情况的通报");
            assertThat(text).contains("截至2022年6月底，全县共实施重点项目4个", "已完成投资5890.01万元", "占年度计划的49.1%",
                    "落后序时进度0.92个百分点");
            // every unit with its grade, in the ranking's order
            assertThat(text).containsSubsequence("县住建局", "落实好", "县水务局", "基本落实", "玉泉镇人民政府", "落实较差");
            assertThat(text).contains("红灯", "玉泉镇污水管网改造（TZ-2022-031）", "投资完成率10%，时序进度50%，落后40个百分点");
            assertThat(text).contains("县水务局：张西河灌区续建配套（TZ-2022-012）（已逾期，应于2022-07-10前报送）");
            assertThat(text).contains("玉泉镇人民政府：综合评定为落实较差（完成序时进度的20.0%）。");
            assertThat(text).contains("统计位置：pulse.events");
            assertThat(document.getTables()).hasSize(2);
            assertThat(document.getTables().get(0).getRows()).hasSize(1 + june.ranking().size());
        }
    }
}
