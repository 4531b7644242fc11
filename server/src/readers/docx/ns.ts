/** the WordprocessingML main namespace: transitional, and strict OOXML */
export const W_NS = ['http://schemas.openxmlformats.org/wordprocessingml/2006/main', 'http://purl.oclc.org/ooxml/wordprocessingml/main'];
