/**
 * Where the clerk drops or picks an .xlsx: the file is read in the page (readWorkbook) and
 * handed over for a preview — never uploaded on its own. Used by the 导入 Excel page, the
 * essential-list editions and the county's 考核细则, so every import starts the same way.
 */
import { InboxOutlined } from '@ant-design/icons';
import { Upload } from 'antd';
import { errorMessage } from '../../api';
import { readWorkbook, type ChosenFile } from './importApi';

export function WorkbookDrop(props: {
  testId: string;
  /** What to drop, said while no file is chosen. */
  prompt: string;
  /** The chosen file's name, shown in place of the prompt. */
  chosen?: string | null;
  onChosen: (file: ChosenFile) => void;
  onError: (message: string) => void;
}) {
  const { onChosen, onError } = props;
  return (
    <Upload.Dragger
      data-testid={props.testId}
      accept=".xlsx"
      maxCount={1}
      showUploadList={false}
      beforeUpload={(raw) => {
        void readWorkbook(raw).then(onChosen, (e: unknown) => onError(errorMessage(e)));
        return false;
      }}
    >
      <p className="ant-upload-drag-icon">
        <InboxOutlined />
      </p>
      <p>{props.chosen ? `已选择：${props.chosen}（点击或拖入可换一个文件）` : props.prompt}</p>
    </Upload.Dragger>
  );
}
