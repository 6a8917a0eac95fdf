package org.camunda4j.sdk;

/** The {@code result} of a job completion: user-task listener outcome or ad-hoc sub-process instructions. */
public sealed interface JobResult permits JobResultUserTask, JobResultAdHocSubProcess {}
