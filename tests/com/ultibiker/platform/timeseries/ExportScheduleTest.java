package com.ultibiker.platform.timeseries;

import com.ultibiker.platform.config.StackConfigParser;
import com.ultibiker.platform.support.StackPlans;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When the export runs, what the alarm watches, and the data loss that bounds. */
class ExportScheduleTest {

    @ParameterizedTest(name = "every {0} min: {1}")
    @CsvSource({
            "5, '*/5 * * * *'",
            "15, '*/15 * * * *'",
            "30, '*/30 * * * *'",
            "60, '0 * * * *'",
            "120, '0 */2 * * *'",
            "360, '0 */6 * * *'",
            "720, '0 */12 * * *'",
            "1440, '0 0 * * *'"})
    void aCronScheduleThatRepeatsEvenly(int minutes, String cron) {
        assertEquals(cron, ExportSchedule.cron(minutes));
    }

    @Test
    void anIntervalNoCronRepeatsEvenlyIsRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> ExportSchedule.cron(45));
        assertEquals("export interval 45 min: one of [5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440]", e.getMessage());
    }

    /**
     * CloudWatch refuses an alarm whose period x evaluation periods exceeds a day (periods under an hour) or seven
     * days (PutMetricAlarm, Period): every allowed interval yields an alarm CloudWatch accepts.
     */
    @Test
    void everyAllowedIntervalGivesAnAlarmWithinCloudWatchsEvaluationRange() {
        for (int minutes : ExportSchedule.INTERVALS) {
            int period = ExportSchedule.alarmPeriodSeconds(minutes);
            assertEquals(0, period % 60, minutes + ": CloudWatch periods above 30 s are multiples of 60");
            long range = (long) period * ExportSchedule.MISSED_INTERVALS_TO_ALARM;
            assertTrue(range <= (period < 3600 ? 86_400 : 604_800), minutes + " min: evaluation range " + range + " s");
        }
        assertEquals(3600, ExportSchedule.alarmPeriodSeconds(60));
        assertEquals(900, ExportSchedule.alarmPeriodSeconds(15));
    }

    /** RPO = interval + the one-minute start deadline + the timeout, from the stack's own configuration. */
    @Test
    void prodLosesAtMostAnHourAndTwentyOneMinutes() {
        var prod = StackConfigParser.parse("ultibiker-platform", StackPlans.stackFile("prod").projectConfig()).timeseries();
        assertEquals(60, prod.exportIntervalMinutes());
        assertEquals(20, prod.exportTimeoutMinutes());
        assertEquals(3600 + 60 + 1200, ExportSchedule.rpoSeconds(prod));
        assertEquals(1200, ExportSchedule.activeDeadlineSeconds(prod));
        var raw = new HashMap<>(StackPlans.stackFile("prod").projectConfig());
        raw.put("timeseries", "{\"engine\":\"timestream\",\"storageGib\":100,\"exportIntervalMinutes\":15,\"exportTimeoutMinutes\":10}");
        assertEquals(900 + 60 + 600, ExportSchedule.rpoSeconds(StackConfigParser.parse("ultibiker-platform", raw).timeseries()));
    }

    @Test
    void theTimeSeriesDefaultsExportHourlyForTwentyMinutesKeptThreeDays() {
        var dev = StackConfigParser.parse("ultibiker-platform", StackPlans.stackFile("dev").projectConfig()).timeseries();
        assertEquals(List.of(60, 20, 3), List.of(dev.exportIntervalMinutes(), dev.exportTimeoutMinutes(), dev.exportRetentionDays()));
    }
}
