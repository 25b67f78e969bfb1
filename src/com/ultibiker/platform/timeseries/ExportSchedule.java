package com.ultibiker.platform.timeseries;

import com.ultibiker.platform.model.TimeSeriesConfig;

import java.util.List;

/**
 * When the time-series export runs and what that bounds (pure).
 *
 * <p>A five-field cron expression repeats evenly only for divisors of an hour and for whole hours dividing a
 * day, hence {@link #INTERVALS}. A run is created at its schedule, must start within
 * {@link #STARTING_DEADLINE_SECONDS} (else the CronJob controller skips it) and is killed after the timeout
 * ({@code activeDeadlineSeconds}, counted from the Job's start, retries included). The timeout is below the
 * interval, so with {@code concurrencyPolicy: Forbid} no run is skipped because the previous one still runs.
 *
 * <p>RPO: the newest complete export was taken at most one interval before the one in flight, and that one
 * becomes a usable copy at most {@code startingDeadline + timeout} after its schedule. So data written in the
 * last {@code interval + startingDeadline + timeout} may be missing from eu-west-1; nothing older is.
 */
public final class ExportSchedule {

    /** Export intervals in minutes a cron schedule repeats evenly (divisors of an hour, hours dividing a day). */
    public static final List<Integer> INTERVALS = List.of(5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440);
    /** CronJob {@code startingDeadlineSeconds}: a run that cannot start within a minute is skipped (the alarm sees it). */
    public static final int STARTING_DEADLINE_SECONDS = 60;
    /**
     * The alarm fires after this many consecutive intervals without a successful export. Two: one failed run
     * (a node drain, a transient error) is tolerated, two in a row are not.
     */
    public static final int MISSED_INTERVALS_TO_ALARM = 2;
    /**
     * CloudWatch PutMetricAlarm: period x evaluation periods at most one day for periods under an hour, seven
     * days otherwise (CloudWatch API reference, PutMetricAlarm, Period).
     */
    static final int MAX_EVALUATION_SECONDS_SHORT = 86_400;
    /**
     * Runbook restore: a new Timestream for InfluxDB instance is available "up to 20 minutes" after CreateDbInstance,
     * by instance class and storage (Timestream Developer Guide, "Configuring a DB instance").
     */
    public static final int INSTANCE_CREATE_SECONDS = 1200;
    /**
     * Runbook restore: download of the newest export and {@code influx restore}, per GiB of the store's storage (the
     * upper bound of its size): a budget of 30 s/GiB (about 35 MB/s end to end), to be replaced by a drill's
     * measurement.
     */
    public static final int RESTORE_SECONDS_PER_GIB = 30;
    static final int MAX_EVALUATION_SECONDS = 604_800;

    private ExportSchedule() {
    }

    /** The CronJob schedule (UTC) of an export every {@code intervalMinutes}. */
    public static String cron(int intervalMinutes) {
        requireInterval(intervalMinutes);
        if (intervalMinutes < 60) {
            return "*/" + intervalMinutes + " * * * *";
        }
        if (intervalMinutes == 60) {
            return "0 * * * *";
        }
        if (intervalMinutes == 1440) {
            return "0 0 * * *";
        }
        return "0 */" + (intervalMinutes / 60) + " * * *";
    }

    /** Worst-case data loss of the export: interval + starting deadline + timeout, in seconds. */
    public static int rpoSeconds(TimeSeriesConfig settings) {
        requireInterval(settings.exportIntervalMinutes());
        return settings.exportIntervalMinutes() * 60 + STARTING_DEADLINE_SECONDS + settings.exportTimeoutMinutes() * 60;
    }

    /** The Job's {@code activeDeadlineSeconds}: the timeout. */
    public static int activeDeadlineSeconds(TimeSeriesConfig settings) {
        return settings.exportTimeoutMinutes() * 60;
    }

    /**
     * The alarm's period: one interval. Each successful run publishes one data point within its interval
     * (it ends before the next is due); {@link #MISSED_INTERVALS_TO_ALARM} empty periods raise the alarm.
     */
    public static int alarmPeriodSeconds(int intervalMinutes) {
        requireInterval(intervalMinutes);
        int period = intervalMinutes * 60;
        int limit = period < 3600 ? MAX_EVALUATION_SECONDS_SHORT : MAX_EVALUATION_SECONDS;
        if (period * MISSED_INTERVALS_TO_ALARM > limit) {
            throw new IllegalArgumentException("export interval " + intervalMinutes + " min: " + MISSED_INTERVALS_TO_ALARM
                    + " periods exceed CloudWatch's evaluation range of " + limit + " s");
        }
        return period;
    }

    private static void requireInterval(int intervalMinutes) {
        if (!INTERVALS.contains(intervalMinutes)) {
            throw new IllegalArgumentException("export interval " + intervalMinutes + " min: one of " + INTERVALS);
        }
    }
}
