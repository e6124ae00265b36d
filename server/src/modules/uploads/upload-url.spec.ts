import { uploadIdOf as sut } from './upload-url';

describe('uploadIdOf', () => {
  const id = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';

  it('returns the upload id of a photo or thumbnail URL that POST /uploads returns', () => {
    expect(sut(`/uploads/2026/11/${id}.jpg`)).toBe(id);
    expect(sut(`/uploads/2026/11/${id}.thumb.jpg`)).toBe(id);
  });

  it('returns null for outside addresses and paths that only look like ours', () => {
    for (const url of [
      'https://example.org/a.jpg',
      `https://evil.example/uploads/2026/11/${id}.jpg`,
      `//evil.example/uploads/2026/11/${id}.jpg`,
      `/uploads/2026/11/${id}.png`,
      `/uploads/2026/11/../../secret/${id}.jpg`,
      `/uploads/2026/11/${id}.jpg?x=1`,
      `/uploads/2026/11/${id}.jpg\n`,
    ])
      expect(sut(url)).toBeNull();
  });
});
