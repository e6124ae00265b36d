import { describe, expect, it, jest } from '@jest/globals';
import { fireEvent, render, screen } from '@testing-library/react';

import { PhotoField } from './index';

const PHOTO = { id: 'p1', url: '/uploads/p1.jpg', thumbUrl: '/uploads/p1.thumb.jpg' };

describe('PhotoField', () => {
  it('shows the photos and how many more may come, under the test ids given', () => {
    render(
      <PhotoField
        photos={[PHOTO]}
        max={9}
        testId="post-photos"
        addTestId="post-add-photo"
        onAdd={() => undefined}
        onRemove={() => undefined}
      />,
    );
    expect(screen.getByTestId('post-photos')).toBeTruthy();
    expect(screen.getAllByTestId('photo')).toHaveLength(1);
    expect(screen.getByTestId('post-add-photo').textContent).toContain('照片 1/9');
  });

  it('emits the photo removed, and offers no ＋ when full', () => {
    const onRemove = jest.fn();
    render(
      <PhotoField
        photos={[PHOTO]}
        max={1}
        testId="resolve-photos"
        onAdd={() => undefined}
        onRemove={onRemove}
      />,
    );
    fireEvent.click(screen.getByLabelText('删除这张照片'));
    expect(onRemove).toHaveBeenCalledWith('p1');
    expect(screen.queryByTestId('photo-add')).toBeNull();
  });

  it('removes nothing while the form is sending', () => {
    const onRemove = jest.fn();
    render(
      <PhotoField
        photos={[PHOTO]}
        max={9}
        disabled
        testId="resolve-photos"
        onAdd={() => undefined}
        onRemove={onRemove}
      />,
    );
    fireEvent.click(screen.getByLabelText('删除这张照片'));
    expect(onRemove).not.toHaveBeenCalled();
  });
});
