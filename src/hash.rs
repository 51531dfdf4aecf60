//! Content hashes: SHA-256 for what a person may check by hand (a review
//! records the hash of the report it was made on; the export prints it),
//! BLAKE3 for the check cache, where only speed matters.

use sha2::{Digest, Sha256};

pub fn sha256_hex(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    d.iter().map(|b| format!("{b:02x}")).collect()
}

/// The key of a cache entry.
pub fn content_hash(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}
