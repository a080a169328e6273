// Placeholder until the DynamoDB Streams → graph projector lands (issue 6).
export const handler = async () => ({ batchItemFailures: [] });
