/**
 * The score at which a shipped payload model calls a text an attack. Training moves the output bias so
 * the threshold picked on validation lands here, matching the decision layer's default
 * `payloadThreshold` (0.8): a retrain never silently changes what a score means.
 */
export const PUBLISHED_THRESHOLD = 0.8;
