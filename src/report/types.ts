// Shapes shared by the reporting steps (SPEC §8).

/** One reporting step's outcome as recorded in SmokeResult.reporting: "posted", "uploaded", "written", "skipped: <why>", "failed: <why>". */
export type StepOutcome = string;

export interface ArtifactUpload {
  /** Artifact name (already includes the run attempt). */
  name: string;
  /** Absolute paths of the files to upload; all inside rootDirectory. */
  files: string[];
  rootDirectory: string;
  retentionDays: number | null;
}

export interface UploadedArtifact {
  id: number;
  size: number;
  /** Link to the artifact on the run page, when the repository and run are known. */
  url: string | null;
}

export type ArtifactUploader = (upload: ArtifactUpload) => Promise<UploadedArtifact>;
