#![no_main]
//! The Word importer: zip, XML, merged cells, mapper.
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(doc) = fuhe::import::docx::read(std::io::Cursor::new(data)) {
        let _ = fuhe::import::map(&doc);
    }
    if let Ok(xml) = std::str::from_utf8(data)
        && let Ok(doc) = fuhe::import::docx::parse_document(xml)
    {
        let _ = fuhe::import::map(&doc);
    }
});
